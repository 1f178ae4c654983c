package dev.labforge.access;

import java.util.List;
import dev.labforge.access.oidc.OidcAuthenticator;
import dev.labforge.access.token.TokenAuthenticator;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AccessWebConfiguration implements WebMvcConfigurer {

    static {
        // the caller comes from the Authorization header, not from the request: keep it out of the API docs
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private final TokenAuthenticator authenticator;
    private final OidcAuthenticator singleSignOn;
    private final Sessions sessions;

    AccessWebConfiguration(TokenAuthenticator authenticator, OidcAuthenticator singleSignOn, Sessions sessions) {
        this.authenticator = authenticator;
        this.singleSignOn = singleSignOn;
        this.sessions = sessions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AuthenticationInterceptor(authenticator, singleSignOn, sessions)).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
