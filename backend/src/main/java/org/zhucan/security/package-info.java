/**
 * Login, its throttling and lockouts, tokens and their versions, the current caller and the rule
 * that every root field but login needs a token.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"common"})
package org.zhucan.security;

import org.springframework.modulith.ApplicationModule;
