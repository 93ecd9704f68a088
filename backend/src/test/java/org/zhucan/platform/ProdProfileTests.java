package org.zhucan.platform;

import java.util.List;

import graphql.introspection.Introspection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.zhucan.ZhucanApplication;
import org.zhucan.testsupport.TestClients;
import org.zhucan.testsupport.TestSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The prod profile with every setting given explicitly: no GraphiQL, no introspection, no demo loader. */
class ProdProfileTests {

    private static ConfigurableApplicationContext application;
    private static String baseUrl;

    @BeforeAll
    static void startInProd() {
        application = new SpringApplicationBuilder(ZhucanApplication.class)
                .profiles("prod")
                .run(TestSettings.explicitServiceArguments().toArray(String[]::new));
        baseUrl = "http://localhost:" + ((WebServerApplicationContext) application).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        application.close();
        // Spring Boot switches introspection off JVM-wide (graphql-java has no other switch); the
        // other test applications in this JVM expect it on.
        Introspection.enabledJvmWide(true);
    }

    @Test
    void shouldNotServeGraphiQl() {
        TestClients.http(baseUrl).get().uri("/graphiql/").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void shouldRefuseIntrospection() {
        HttpGraphQlTester tester = TestClients.graphQl(baseUrl);
        tester.documentName("platformIntrospectionQueryType").execute().errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            assertThat(errors.get(0).getMessage()).containsIgnoringCase("introspection");
            assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
        });
    }

    @Test
    void shouldNotHaveADemoDataLoader() {
        assertThat(application.getBeanNamesForType(org.zhucan.demo.DemoDataLoader.class)).isEmpty();
        assertThat(List.of(application.getEnvironment().getActiveProfiles())).containsExactly("prod");
    }
}
