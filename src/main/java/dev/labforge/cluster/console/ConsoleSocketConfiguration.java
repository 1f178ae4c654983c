package dev.labforge.cluster.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ConsoleSocketConfiguration implements WebSocketConfigurer {

    private final ConsoleSocketHandler handler;
    private final ConsoleHandshake handshake;

    ConsoleSocketConfiguration(ConsoleSocketHandler handler, ConsoleHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // any origin: a console socket is opened by its single-use ticket, never by a cookie a foreign page could
        // ride on, so the same-origin check would only keep out a noVNC served from elsewhere
        registry.addHandler(handler, "/api/v1/labs/*/nodes/*/console", "/api/v1/labs/*/nodes/*/vnc")
                .addInterceptors(handshake).setAllowedOriginPatterns("*");
    }

    /** The container's limits for every console socket: a larger message is refused (close 1009). */
    @Bean
    ServletServerContainerFactoryBean consoleSocketContainer(ConsoleProperties properties) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxBinaryMessageBufferSize((int) properties.maxFrame().toBytes());
        container.setMaxTextMessageBufferSize((int) properties.maxFrame().toBytes());
        return container;
    }
}
