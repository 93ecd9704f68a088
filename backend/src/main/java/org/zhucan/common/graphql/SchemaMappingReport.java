package org.zhucan.common.graphql;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.graphql.execution.SchemaReport;

/** The latest schema-mapping inspection, kept so that a test can insist it is empty. */
public final class SchemaMappingReport {

    private final AtomicReference<SchemaReport> report = new AtomicReference<>();

    void set(SchemaReport schemaReport) {
        report.set(schemaReport);
    }

    public SchemaReport get() {
        return report.get();
    }

    public static boolean isClean(SchemaReport report) {
        return report.unmappedFields().isEmpty()
                && report.unmappedRegistrations().isEmpty()
                && report.unmappedArguments().isEmpty()
                && report.skippedTypes().isEmpty()
                && report.fieldNullnessErrors().isEmpty()
                && report.argumentNullnessErrors().isEmpty();
    }
}
