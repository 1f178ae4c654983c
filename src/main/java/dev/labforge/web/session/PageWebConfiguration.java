package dev.labforge.web.session;

import dev.labforge.access.Sessions;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Which paths are pages that need a session: all but the API, the sign-in page, static assets and the API docs. */
@Configuration(proxyBeanMethods = false)
class PageWebConfiguration implements WebMvcConfigurer {

    private final Sessions sessions;

    PageWebConfiguration(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageAuthentication(sessions)).addPathPatterns("/", "/labs", "/labs/**", "/signout");
    }
}
