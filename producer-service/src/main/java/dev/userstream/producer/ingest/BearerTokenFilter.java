package dev.userstream.producer.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request to {@code /api/*} through only with {@code Authorization: Bearer <token>} for one of
 * the configured tokens, else answers 401 with a problem detail and {@code WWW-Authenticate} (RFC
 * 6750). Runs before the body is read, so an unauthenticated client cannot make the service parse
 * anything. The token is never logged.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private final BearerTokens tokens;

	private final Counter rejected;

	BearerTokenFilter(BearerTokens tokens, Counter rejected) {
		this.tokens = tokens;
		this.rejected = rejected;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			unauthorized(request, response, "Bearer realm=\"userstream\"", "A bearer token is required.");
		}
		else if (!this.tokens.matches(authorization.substring(PREFIX.length()).strip())) {
			unauthorized(request, response, "Bearer realm=\"userstream\", error=\"invalid_token\"",
					"The bearer token is not valid.");
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private void unauthorized(HttpServletRequest request, HttpServletResponse response, String challenge, String detail)
			throws IOException {
		this.rejected.increment();
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// every value is a constant or the path stripped to safe characters: nothing to escape
		String problem = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + detail
				+ "\",\"instance\":\"" + request.getRequestURI().replaceAll("[^A-Za-z0-9/_.-]", "") + "\"}";
		// bytes, not a writer: JSON is UTF-8 and takes no charset parameter
		response.getOutputStream().write(problem.getBytes(StandardCharsets.UTF_8));
	}

}
