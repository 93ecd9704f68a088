package org.zhucan.common.graphql;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMappingTests extends ApiTest {

    @Autowired
    SchemaMappingReport report;

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void shouldMapEveryFieldOfTheSchema() {
        SchemaReport schemaReport = report.get();
        assertThat(schemaReport).as("the inspection ran").isNotNull();
        assertThat(schemaReport.unmappedFields()).as("unmapped fields").isEmpty();
        assertThat(schemaReport.unmappedRegistrations()).as("resolvers for fields the schema lacks").isEmpty();
        assertThat(schemaReport.unmappedArguments()).as("unmapped arguments").isEmpty();
        assertThat(schemaReport.skippedTypes()).as("types the inspection could not check").isEmpty();
        assertThat(SchemaMappingReport.isClean(schemaReport)).isTrue();
    }

    @Test
    void shouldDescribeEveryTypeAndFieldOfTheApi() {
        for (GraphQLNamedType type : graphQlSource.schema().getAllTypesAsList()) {
            if (type.getName().startsWith("__") || isBuiltInScalar(type.getName())) {
                continue;
            }
            assertThat(type.getDescription()).as("description of type %s", type.getName()).isNotBlank();
            if (type instanceof GraphQLObjectType object) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    assertThat(field.getDescription()).as("description of %s.%s", type.getName(), field.getName()).isNotBlank();
                }
            }
        }
    }

    private static boolean isBuiltInScalar(String name) {
        return name.equals("String") || name.equals("Int") || name.equals("Float") || name.equals("Boolean") || name.equals("ID");
    }
}
