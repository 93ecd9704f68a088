package org.zhucan.demo;

/**
 * Demo data a feature must write through its own code rather than SQL, e.g. because personal
 * numbers are encrypted with the running key. Runs after the demo scripts, idempotently.
 */
public interface DemoDataContributor {

    void contribute();
}
