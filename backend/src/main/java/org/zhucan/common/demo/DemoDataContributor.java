package org.zhucan.common.demo;

/**
 * Demo data a feature must write through its own code rather than SQL, e.g. because personal
 * numbers are encrypted with the running key. Runs after the demo scripts, idempotently.
 * Here in common, not in the demo package that runs them, so that a feature contributing demo data
 * does not depend on the package that depends on every feature.
 */
public interface DemoDataContributor {

    void contribute();
}
