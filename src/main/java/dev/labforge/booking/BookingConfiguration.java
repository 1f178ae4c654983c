package dev.labforge.booking;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every booking decision reads; tests replace it with one they move. */
@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
