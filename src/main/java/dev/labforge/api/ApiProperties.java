package dev.labforge.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxBodyBytes largest request body accepted; a 200-node lab with full startup configs fits
 */
@ConfigurationProperties("labforge.api")
public record ApiProperties(@DefaultValue("4194304") long maxBodyBytes) {
}
