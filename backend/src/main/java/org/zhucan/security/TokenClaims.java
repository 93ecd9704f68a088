package org.zhucan.security;

/** Names of the claims in a Zhucan token. */
final class TokenClaims {

    static final String ISSUER = "zhucan";
    static final String NAME = "name";
    static final String ROLES = "roles";
    static final String OPERATOR_ID = "operatorId";
    static final String REGION_ID = "regionId";
    static final String DINER_IDS = "dinerIds";
    /** The account's id, where its current token version is looked up. */
    static final String USER_ID = "uid";
    /** The account's token version when the token was issued; see TokenVersionValidator. */
    static final String TOKEN_VERSION = "ver";
    /** Present (true) while the account must change its password before anything else; see AuthenticationRequired. */
    static final String PASSWORD_CHANGE_REQUIRED = "pwc";

    private TokenClaims() {
    }
}
