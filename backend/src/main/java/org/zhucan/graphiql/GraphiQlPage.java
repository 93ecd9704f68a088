package org.zhucan.graphiql;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GraphiQL at {@code /graphiql}, built only from files inside the jar (the page under
 * {@code graphiql/}, GraphiQL and React from WebJars), so it works with no internet. Off in
 * {@code prod} ({@code zhucan.graphiql.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "zhucan.graphiql.enabled", matchIfMissing = true)
class GraphiQlPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/graphiql", "/graphiql/");
        registry.addViewController("/graphiql/").setViewName("forward:/graphiql/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/graphiql/**").addResourceLocations("classpath:/graphiql/");
    }
}
