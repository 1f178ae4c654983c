package dev.labforge.access.oidc;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetRetrievalException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.Map;

/**
 * The identity provider's published signing keys, fetched from {@code jwks-uri}, or from the
 * {@code jwks_uri} its discovery document names. Discovery happens on the first fetch, not at start,
 * and is tried again on the next fetch until it succeeds. Caching, rate limiting and retries are
 * layered on top by nimbus' {@code JWKSourceBuilder}.
 */
class IssuerKeys implements JWKSetSource<SecurityContext> {

    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    private final String issuer;
    private final URI configuredJwksUri;
    private final ResourceRetriever retriever;
    private volatile URLBasedJWKSetSource<SecurityContext> keys;
    private volatile boolean everLoaded;

    IssuerKeys(String issuer, URI configuredJwksUri, ResourceRetriever retriever) {
        this.issuer = issuer;
        this.configuredJwksUri = configuredJwksUri;
        this.retriever = retriever;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        JWKSet set = keys().getJWKSet(refreshEvaluator, currentTime, context);
        everLoaded = true;
        return set;
    }

    /** Whether a key set was ever fetched: if not, a refusal to fetch again means "unavailable", not "unknown key". */
    boolean everLoaded() {
        return everLoaded;
    }

    private URLBasedJWKSetSource<SecurityContext> keys() throws KeySourceException {
        URLBasedJWKSetSource<SecurityContext> current = keys;
        if (current == null) {
            current = new URLBasedJWKSetSource<>(configuredJwksUri != null ? url(configuredJwksUri) : discover(),
                    retriever);
            keys = current;
        }
        return current;
    }

    /** Unreachable is retried (JWKSetRetrievalException); a document that is wrong is not (KeySourceException). */
    private URL discover() throws KeySourceException {
        URL discovery = url(URI.create(issuer.replaceAll("/+$", "") + DISCOVERY_PATH));
        Map<String, Object> document;
        try {
            document = JSONObjectUtils.parse(retriever.retrieveResource(discovery).getContent());
        } catch (IOException e) {
            throw new JWKSetRetrievalException("cannot read " + discovery + ": " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new KeySourceException(discovery + " is not a JSON object", e);
        }
        try {
            // OpenID Connect Discovery 1.0, 4.3: the document must name the issuer it was fetched for
            String named = JSONObjectUtils.getString(document, "issuer");
            if (!issuer.equals(named)) {
                throw new KeySourceException(discovery + " names the issuer '" + named + "', not '"
                        + issuer + "': check labforge.oidc.issuer");
            }
            URI jwksUri = JSONObjectUtils.getURI(document, "jwks_uri");
            if (jwksUri == null) {
                throw new KeySourceException(discovery + " has no jwks_uri");
            }
            return url(jwksUri);
        } catch (ParseException e) {
            throw new KeySourceException(discovery + " is not a valid discovery document: " + e.getMessage(), e);
        }
    }

    private static URL url(URI uri) throws KeySourceException {
        try {
            return uri.toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw new KeySourceException("not a URL: " + uri, e);
        }
    }

    @Override
    public void close() throws IOException {
        URLBasedJWKSetSource<SecurityContext> current = keys;
        if (current != null) {
            current.close();
        }
    }
}
