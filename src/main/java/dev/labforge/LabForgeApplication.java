package dev.labforge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LabForgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(LabForgeApplication.class, args);
    }
}
