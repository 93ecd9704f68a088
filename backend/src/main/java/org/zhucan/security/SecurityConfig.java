package org.zhucan.security;

import java.time.Duration;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.SecurityContext;
import graphql.execution.instrumentation.Instrumentation;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.zhucan.common.error.BusyRequests;

/**
 * Stateless JWT security. Tokens are HS256, signed with {@code ZHUCAN_JWT_SECRET} at login and
 * checked on every request; roles travel in the {@code roles} claim. The GraphQL endpoint itself
 * is open at the HTTP level so that an unauthenticated request gets a GraphQL UNAUTHORIZED error;
 * {@link AuthenticationRequired} closes every field but {@code login} and the public information.
 * Browsers on other origins reach {@code /graphql} only from {@code zhucan.cors.allowed-origins}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    /**
     * Prometheus's scraper: {@code /actuator/prometheus} with {@code Authorization: Bearer
     * <ZHUCAN_METRICS_SCRAPE_TOKEN>} (a shared secret a scraper can keep, unlike a login token that
     * expires). Any other request to it goes to the main chain, where it needs an ADMIN token.
     */
    @Bean
    @Order(1)
    SecurityFilterChain metricsScrape(HttpSecurity http, MetricsScrapeToken scrapeToken) throws Exception {
        http.securityMatcher(scrapeToken::presentedBy)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtAuthenticationConverter tokenToAuthentication) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/graphql", "/graphiql", "/graphiql/**", "/webjars/**", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenToAuthentication)))
                // the token's account version may need the database: a pool too busy to lend a connection is a retryable 503
                .addFilterBefore(new BusyRequests(), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * CORS for {@code /graphql} (plain HTTP and Server-Sent Events alike): the allowed origins may
     * POST and GET with a bearer token in {@code Authorization} (no cookies: credentials are not
     * allowed), preflights are answered by the filter chain and cached by browsers for an hour. An
     * empty list registers nothing, so no cross-origin request gets CORS headers and a preflight
     * from any origin is refused.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.allowedOrigins().isEmpty()) {
            CorsConfiguration graphql = new CorsConfiguration();
            graphql.setAllowedOrigins(settings.allowedOrigins());
            graphql.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
            graphql.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept"));
            graphql.setAllowCredentials(false);
            graphql.setMaxAge(3600L);
            source.registerCorsConfiguration("/graphql", graphql);
        }
        return source;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Checks signature, expiry and issuer, then that the account's token version still matches (TokenVersionValidator); the
     * signature's check is remembered per token (VerifiedTokenDecoder), the rest runs on every request.
     */
    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, TokenVersions tokenVersions) {
        NimbusJwtDecoder signatureChecked = NimbusJwtDecoder.withSecretKey(signingKey(properties)).macAlgorithm(MacAlgorithm.HS256).build();
        signatureChecked.setJwtValidator(token -> OAuth2TokenValidatorResult.success());
        return new VerifiedTokenDecoder(signatureChecked, new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(TokenClaims.ISSUER), new TokenVersionValidator(tokenVersions)), 10_000, Duration.ofMinutes(15));
    }

    /** One {@code login} per request: aliases and fragments cannot turn one request into many guesses. */
    @Bean
    AuthenticationRequired authenticationRequired() {
        return new AuthenticationRequired();
    }

    /** Every root field but the public ones requires a logged-in caller: enforced on the schema itself. */
    @Bean
    GraphQlSourceBuilderCustomizer authenticationRequiredOnEveryRootField(AuthenticationRequired authenticationRequired) {
        return builder -> builder.typeVisitors(List.of(authenticationRequired));
    }

    /**
     * No observation of the filter chain itself: it wraps each of its fifteen filters in an
     * observation with events before and after, on every request, for what the HTTP request's
     * observation ({@code http.server.requests}, its span) already times as a whole. The
     * authentications and authorizations stay observed.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    @Bean
    Instrumentation oneLoginPerRequest() {
        return new OneLoginPerRequest();
    }

    @Bean
    JwtEncoder jwtEncoder(SecurityProperties properties) {
        return new NimbusJwtEncoder(new ImmutableSecret<SecurityContext>(signingKey(properties)));
    }

    @Bean
    JwtAuthenticationConverter tokenToAuthentication() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(TokenClaims.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    /** GraphQL over WebSocket: the token travels in the {@code connection_init} payload as {@code Authorization}. */
    @Bean
    AuthenticationWebSocketInterceptor webSocketAuthentication(JwtDecoder decoder, JwtAuthenticationConverter tokenToAuthentication) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(tokenToAuthentication);
        AuthenticationManager manager = new ProviderManager(provider);
        return new AuthenticationWebSocketInterceptor(new BearerTokenAuthenticationExtractor(), manager);
    }

    private static SecretKey signingKey(SecurityProperties properties) {
        return new SecretKeySpec(properties.jwtSecretBytes(), "HmacSHA256");
    }
}
