package dev.labforge.web.session;

import dev.labforge.access.Sessions;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The classroom pages need a session too: the same check as the engineer's pages, on /courses and below. */
@Configuration(proxyBeanMethods = false)
class CoursePagePaths implements WebMvcConfigurer {

    private final Sessions sessions;

    CoursePagePaths(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageAuthentication(sessions)).addPathPatterns("/courses", "/courses/**");
    }
}
