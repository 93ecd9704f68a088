package org.zhucan.menu;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;

/**
 * {@code Site.menu} and {@code Site.menus}: each hands its site's key to the {@link MenuController#SITE_MENUS}
 * loader, which reads the page's menus at once. Plain data fetchers rather than annotated handlers, because the
 * mini-program's home screen runs them once per site (100 times for a page of 100): an annotated handler binds
 * each argument through Spring's data binder and calls the method by reflection, which a profile of the home
 * screen found to be most of the application's cost per site. The arguments arrive already coerced by the
 * schema's scalars (Date as LocalDate, ID as a string of digits); an enum arrives as its name. They are still
 * wrapped like every other fetcher: the request's time budget, observations and context apply.
 */
@Configuration(proxyBeanMethods = false)
class SiteMenuFetchers {

    @Bean
    RuntimeWiringConfigurer siteMenuWiring() {
        ResolvableType menu = ResolvableType.forClassWithGenerics(CompletableFuture.class, MenuController.MenuResult.class);
        ResolvableType menus = ResolvableType.forClassWithGenerics(CompletableFuture.class,
                ResolvableType.forClassWithGenerics(List.class, MenuController.MenuResult.class));
        return wiring -> wiring.type("Site", type -> type
                .dataFetcher("menu", new Described<>("Site.menu", menu, SiteMenuFetchers::menu))
                .dataFetcher("menus", new Described<>("Site.menus", menus, SiteMenuFetchers::menus)));
    }

    /** A fetcher that tells Spring's schema inspection what it returns (a lambda cannot) and that it loads through a DataLoader. */
    private record Described<T>(String description, ResolvableType returnType, DataFetcher<T> fetcher) implements SelfDescribingDataFetcher<T> {

        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            return fetcher.get(environment);
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public ResolvableType getReturnType() {
            return returnType;
        }

        @Override
        public boolean usesDataLoader() {
            return true;
        }
    }

    static CompletableFuture<MenuController.MenuResult> menu(DataFetchingEnvironment environment) {
        LocalDate date = environment.getArgument("date");
        return load(environment, date, date, slot(environment)).thenApply(answer -> {
            List<MenuController.MenuResult> menus = answer.orThrow();
            return menus.isEmpty() ? null : menus.get(0);
        });
    }

    static CompletableFuture<List<MenuController.MenuResult>> menus(DataFetchingEnvironment environment) {
        LocalDate from = environment.getArgument("from");
        LocalDate to = environment.getArgument("to");
        MenuService.requireRange(from, to);
        return load(environment, from, to, slot(environment)).thenApply(MenuController.SiteMenusAnswer::orThrow);
    }

    private static CompletableFuture<MenuController.SiteMenusAnswer> load(DataFetchingEnvironment environment, LocalDate from, LocalDate to,
                                                                          MealSlot slot) {
        Site site = environment.getSource();
        String forDinerId = environment.getArgument("forDinerId");
        DataLoader<MenuController.SiteMenus, MenuController.SiteMenusAnswer> loader = environment.getDataLoader(MenuController.SITE_MENUS);
        return loader.load(new MenuController.SiteMenus(site.id(), from, to, slot, forDinerId == null ? null : Long.valueOf(forDinerId)));
    }

    private static MealSlot slot(DataFetchingEnvironment environment) {
        String slot = environment.getArgument("slot");
        return slot == null ? null : MealSlot.valueOf(slot);
    }
}
