package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.account.boundary.AccessTokens;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells the boundaries who calls the API: the owner of the personal access token in {@code Authorization: Bearer …},
 * or a guest when there is no such header. A header that is there but wrong (other scheme, unknown or revoked token,
 * disabled account) answers 401 at once instead of quietly downgrading to guest, so that a script notices.
 *
 * <p>The API deliberately ignores the session cookie: a browser attaches cookies to cross-site requests by itself,
 * but never a bearer token, so REST requests cannot be forged from another site and need no CSRF protection.
 * (The session-based {@code CallerFilter} only runs for pages.)
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    @Inject
    Caller caller;

    @Inject
    AccessTokens tokens;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            caller.identify(null);
            return;
        }
        Long accountId = null;
        if (authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            accountId = tokens.authenticate(authorization.substring(SCHEME.length()).strip());
        }
        if (accountId == null) {
            request.abortWith(Problems.problem(401, headers, "rest.token.invalid")
                    .header(HttpHeaders.WWW_AUTHENTICATE, null)
                    .header(HttpHeaders.WWW_AUTHENTICATE, Problems.BEARER_CHALLENGE + ", error=\"invalid_token\"")
                    .build());
            return;
        }
        caller.identify(accountId);
    }
}
