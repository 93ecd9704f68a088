package org.zhucan.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.zhucan.common.error.PasswordChangeRequiredException;

/**
 * Makes every root field (query, mutation, subscription) require a logged-in caller, except the
 * few listed in {@link #PUBLIC_FIELDS}. Enforced once, on the schema, so that a new resolver
 * cannot forget it; roles are then checked in the services. A token of an account that must
 * change its password (a one-time password from an administrator) reaches only the fields in
 * {@link #WHILE_PASSWORD_CHANGE_REQUIRED}; every other field answers PASSWORD_CHANGE_REQUIRED.
 */
public final class AuthenticationRequired extends GraphQLTypeVisitorStub {

    /**
     * Root fields anyone may call, each named here on purpose: logging in, redeeming a family
     * invitation to make an account, and the read-only public information of
     * {@code org.zhucan.publicinfo} (published policies, operating sites with today's menus,
     * published evaluations, applications in their publicity period with masked names), whose types
     * hold no personal data and whose anonymous callers are rate-limited per client address; and
     * objecting to a published application (公示异议), throttled per client address. Nothing else is
     * open, whatever its name.
     */
    static final Set<String> PUBLIC_FIELDS = Set.of("Mutation.login", "Mutation.redeemFamilyInvitation",
            "Query.publicSubsidyPolicies", "Query.publicSites", "Query.publicOperatorEvaluations", "Query.currentPublicities",
            "Mutation.objectToSubsidyApplication");

    /** Root fields a token that must change its password still reaches. */
    static final Set<String> WHILE_PASSWORD_CHANGE_REQUIRED = Set.of("Query.me", "Mutation.changePassword");

    private static final Set<String> ROOT_TYPES = Set.of("Query", "Mutation", "Subscription");

    private final Set<String> guardedFields = ConcurrentHashMap.newKeySet();

    /** The root fields this visitor closed to anonymous callers, e.g. {@code Query.me}. */
    public Set<String> guardedFields() {
        return Set.copyOf(guardedFields);
    }

    /** The root fields open to anyone. */
    public Set<String> publicFields() {
        return PUBLIC_FIELDS;
    }

    @Override
    public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
        if (context.getParentNode() instanceof GraphQLObjectType parent && ROOT_TYPES.contains(parent.getName())
                && !PUBLIC_FIELDS.contains(parent.getName() + "." + field.getName())) {
            GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
            DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
            String name = parent.getName() + "." + field.getName();
            boolean beforePasswordChange = WHILE_PASSWORD_CHANGE_REQUIRED.contains(name);
            registry.dataFetcher(coordinates, fetcher instanceof SelfDescribingDataFetcher<?> described
                    ? new DescribedGuard<>(described, beforePasswordChange) : new Guard<>(fetcher, beforePasswordChange));
            guardedFields.add(name);
        }
        return TraversalControl.CONTINUE;
    }

    static void requireAuthentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            throw new AuthenticationCredentialsNotFoundException("no bearer token");
        }
    }

    /** Whether the caller's token says its account must change its password first. */
    public static boolean passwordChangeRequired() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt jwt
                && Boolean.TRUE.equals(jwt.getClaimAsBoolean(TokenClaims.PASSWORD_CHANGE_REQUIRED));
    }

    private static void guard(boolean beforePasswordChange) {
        requireAuthentication();
        if (!beforePasswordChange && passwordChangeRequired()) {
            throw new PasswordChangeRequiredException();
        }
    }

    private record Guard<T>(DataFetcher<T> delegate, boolean beforePasswordChange) implements DataFetcher<T> {
        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            guard(beforePasswordChange);
            return delegate.get(environment);
        }
    }

    /** Keeps the controller method's description, so the schema-mapping inspection still sees through it. */
    private record DescribedGuard<T>(SelfDescribingDataFetcher<T> delegate, boolean beforePasswordChange) implements SelfDescribingDataFetcher<T> {
        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            guard(beforePasswordChange);
            return delegate.get(environment);
        }

        @Override
        public String getDescription() {
            return delegate.getDescription();
        }

        @Override
        public ResolvableType getReturnType() {
            return delegate.getReturnType();
        }

        @Override
        public Map<String, ResolvableType> getArguments() {
            return delegate.getArguments();
        }

        @Override
        public Method asMethod() {
            return delegate.asMethod();
        }

        @Override
        public boolean usesDataLoader() {
            return delegate.usesDataLoader();
        }
    }
}
