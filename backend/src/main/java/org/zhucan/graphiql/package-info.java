/**
 * The GraphiQL page, served from the jar.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "GraphiQL", allowedDependencies = {})
package org.zhucan.graphiql;

import org.springframework.modulith.ApplicationModule;
