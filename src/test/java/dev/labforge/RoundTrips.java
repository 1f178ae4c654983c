package dev.labforge;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Counts the database round trips of one HTTP request, and only that request's: a request sent with the header
 * {@link #HEADER} records, under the header's value, every call its own thread makes to the JDBC driver that goes to
 * the server and waits for the answer (a statement's execution, however many statements its SQL holds; a commit; a
 * rollback; a request for a statement's parameter types). Statements other threads run meanwhile (the reconciler, the
 * status follower, other tests' requests) are not counted. The pool's own check of an idle connection is not counted
 * either: it is the pool's, not the request's work.
 *
 * <p>It sits under the connection pool, as the JDBC driver the pool connects with (the PostgreSQL driver, its
 * connections wrapped), so the service runs with the pool it always has. Every integration test's context has it
 * ({@link IntegrationTest}), so that tests counting round trips share the one context: unarmed (no request with the
 * header on the calling thread) a connection passes each call straight on, and its statements are the driver's own,
 * not wrapped.
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

        /**
         * Puts the counting driver under the service's pool, before the pool first connects. A pool made from the
         * service's pool's settings (the status follower's) counts too; one of them then given a URL of its own (a
         * test's role or database) gets the PostgreSQL driver's connections as they are.
         */
        @Bean
        static BeanPostProcessor roundTripCountingDriver() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof HikariDataSource pool && pool.getDataSource() == null
                            && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith(CountingDriver.PLAIN)) {
                        CountingDriver.register();
                        pool.setDriverClassName(CountingDriver.class.getName());
                        String url = pool.getJdbcUrl().substring(CountingDriver.PLAIN.length());
                        pool.setJdbcUrl(CountingDriver.COUNTED + url);
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

    /**
     * The PostgreSQL driver, its connections wrapped to count: {@code jdbc:round-trips:postgresql://...} connects as
     * {@code jdbc:postgresql://...} does. A plain PostgreSQL URL gets the driver's connection as it is. Registered with
     * the DriverManager, so that the pool finds it there by its name (and after the PostgreSQL driver, so that no
     * other caller gets it for a plain URL; one that did would get the plain connection).
     */
    public static final class CountingDriver implements Driver {

        static final String PLAIN = "jdbc:postgresql:";
        static final String COUNTED = "jdbc:round-trips:postgresql:";
        private static boolean registered;

        private final Driver postgresql = new org.postgresql.Driver();

        static synchronized void register() {
            if (!registered) {
                try {
                    DriverManager.registerDriver(new CountingDriver());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                registered = true;
            }
        }

        private static String plain(String url) {
            return url.startsWith(COUNTED) ? PLAIN + url.substring(COUNTED.length()) : url;
        }

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            if (url == null || !acceptsURL(url)) {
                return null;
            }
            Connection connection = postgresql.connect(plain(url), info);
            return url.startsWith(COUNTED) && connection != null ? countingConnection(connection) : connection;
        }

        @Override
        public boolean acceptsURL(String url) {
            return url != null && (url.startsWith(COUNTED) || url.startsWith(PLAIN));
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return postgresql.getPropertyInfo(plain(url), info);
        }

        @Override
        public int getMajorVersion() {
            return postgresql.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return postgresql.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return postgresql.jdbcCompliant();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return postgresql.getParentLogger();
        }
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
