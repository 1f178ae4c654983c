package dev.labforge;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Counts the database round trips of one HTTP request, and only that request's: a request sent with the header
 * {@link #HEADER} records, under the header's value, every call its own thread makes to the JDBC driver that goes to
 * the server and waits for the answer (a statement's execution, however many statements its SQL holds; a commit; a
 * rollback; a request for a statement's parameter types). Statements other threads run meanwhile (the reconciler, the
 * status follower, other tests' requests) are not counted. The pool's own check of an idle connection is not counted
 * either: it is the pool's, not the request's work.
 *
 * <p>It sits under the connection pool, on the driver's connections, so the service runs with the pool it always has.
 * Every integration test's context has it ({@link IntegrationTest}), so that tests counting round trips share the one
 * context: unarmed (no request with the header on the calling thread) a connection passes each call straight on, and
 * its statements are the driver's own, not wrapped.
 */
public final class RoundTrips {

    public static final String HEADER = "X-Test-Round-Trips";

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch", "getParameterMetaData");

    private static final Map<String, List<String>> RECORDED = new ConcurrentHashMap<>();
    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

    private RoundTrips() {
    }

    /** What the request sent with {@code probe} in {@link #HEADER} sent to the database, one entry per round trip. */
    public static List<String> of(String probe) {
        return List.copyOf(RECORDED.getOrDefault(probe, List.of()));
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        /** Puts the counting wrapper under the service's pool, before the pool first connects. */
        @Bean
        static BeanPostProcessor roundTripCountingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof HikariDataSource pool && pool.getDataSource() == null
                            && pool.getJdbcUrl() != null) {
                        DriverManagerDataSource driver = new DriverManagerDataSource(pool.getJdbcUrl(),
                                pool.getUsername(), pool.getPassword());
                        pool.setDataSource(counting(driver));
                    }
                    return bean;
                }
            };
        }

        @Bean
        FilterRegistrationBean<Filter> roundTripProbe() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                String probe = ((HttpServletRequest) request).getHeader(HEADER);
                if (probe == null) {
                    chain.doFilter(request, response);
                    return;
                }
                List<String> trips = RECORDED.computeIfAbsent(probe, p -> new CopyOnWriteArrayList<>());
                CURRENT.set(trips);
                try {
                    chain.doFilter(request, response);
                } finally {
                    CURRENT.remove();
                }
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    private static DataSource counting(DriverManagerDataSource driver) {
        return proxy(DataSource.class, driver, (target, method, args) -> {
            if (method.getName().equals("setLoginTimeout")) {
                // the pool's connection timeout, as the driver's own data source would take it (this one cannot)
                Properties properties = new Properties();
                properties.setProperty("loginTimeout", String.valueOf(args[0]));
                driver.setConnectionProperties(properties);
                return null;
            }
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? countingConnection(connection) : result;
        });
    }

    private static Connection countingConnection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            if (method.getName().equals("commit") || method.getName().equals("rollback")) {
                record(method.getName().toUpperCase());
            }
            Object result = invoke(target, method, args);
            if (CURRENT.get() == null) {
                return result; // not armed: a statement made now runs unwatched (its thread counts nothing)
            }
            if (result instanceof PreparedStatement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
                return proxy(method.getReturnType().isInterface() ? method.getReturnType() : PreparedStatement.class,
                        statement, countingStatement(sql));
            }
            if (result instanceof Statement statement) {
                return proxy(Statement.class, statement, countingStatement(null));
            }
            return result;
        });
    }

    private static Handler countingStatement(String preparedSql) {
        return (target, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                String sql = preparedSql != null ? preparedSql
                        : args != null && args.length > 0 && args[0] instanceof String s ? s : "(batch)";
                record(method.getName().equals("getParameterMetaData") ? "DESCRIBE " + sql : sql);
            }
            return invoke(target, method, args);
        };
    }

    private static void record(String what) {
        List<String> trips = CURRENT.get();
        if (trips != null) {
            trips.add(what.strip().replaceAll("\\s+", " "));
        }
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<?> type, Object target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(target)) {
                return target;
            }
            if (method.getName().equals("isWrapperFor") && args != null && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(target)) {
                return true;
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
