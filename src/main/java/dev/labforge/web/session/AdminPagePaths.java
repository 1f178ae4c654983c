package dev.labforge.web.session;

import dev.labforge.access.Sessions;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The admin pages need a session too (web.admin then checks that it is an administrator's): /admin and below. */
@Configuration(proxyBeanMethods = false)
class AdminPagePaths implements WebMvcConfigurer {

    private final Sessions sessions;

    AdminPagePaths(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageAuthentication(sessions)).addPathPatterns("/admin", "/admin/**");
    }
}
