package org.zhucan.common.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.instrumentation.ChainedDataLoaderInstrumentation;
import org.dataloader.instrumentation.DataLoaderInstrumentation;
import org.dataloader.instrumentation.DataLoaderInstrumentationHelper;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives each request a DataLoader registry that dispatches only the loaders the request has used.
 * Spring registers every batch loader of the application in each request's registry (one per
 * {@code @BatchMapping}, about 130), and graphql-java, at every level of the result, calls
 * {@code dispatch()} on every registered loader: each call reads the clock and chains a future
 * although its loader holds no key. A profile of the mini-program's home screen at 10 sites found
 * that work at about 8 % of the request threads' CPU, for the two loaders the page uses.
 *
 * <p>A field reaches its loader only by name ({@code DataFetchingEnvironment.getDataLoader}, which
 * Spring's batch mappings and our own fetchers call before they load a key), so the registry marks a
 * loader used when it is looked up, before any key is loaded into it, and answers the dispatcher
 * (which asks {@link Registry#getDataLoaders()}) with the used ones. Registration, look-up by name and
 * statistics see every loader, as before. Spring's observation instrumentation would replace this registry
 * with a copy of all of them; {@link FieldObservations.RootFieldObservations} keeps it.
 */
@Component
class UsedDataLoaders implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> builder.dataLoaderRegistry(new Registry()).build());
        return chain.next(request);
    }

    /**
     * The registry: every loader registered, the used ones dispatched. Spring's observation of batch loads (which its
     * instrumentation would add to every registered loader by building each again) is added to a loader when a field first
     * looks it up; {@link FieldObservations.RootFieldObservations} hands it over before the request executes.
     */
    static final class Registry extends DataLoaderRegistry {

        private final Map<String, DataLoader<?, ?>> used = new ConcurrentHashMap<>(8);
        private volatile DataLoaderInstrumentation onLookUp;

        /** Adds this to every loader a field looks up from now on, before any key is loaded into it. */
        void instrumentOnLookUp(DataLoaderInstrumentation instrumentation) {
            this.onLookUp = instrumentation;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <K, V> DataLoader<K, V> getDataLoader(String key) {
            DataLoader<?, ?> loader = used.get(key);
            if (loader == null && super.getDataLoader(key) != null) {
                // atomically: two fields looking the loader up at once must load into one instance, the one dispatched
                loader = used.computeIfAbsent(key, name -> {
                    DataLoader<?, ?> instrumented = instrumented(Registry.super.getDataLoader(name));
                    dataLoaders.put(name, instrumented);
                    return instrumented;
                });
            }
            return (DataLoader<K, V>) loader;
        }

        @Override
        public <K, V> DataLoader<K, V> computeIfAbsent(String key, Function<String, DataLoader<?, ?>> mappingFunction) {
            super.computeIfAbsent(key, mappingFunction);
            return getDataLoader(key);
        }

        @Override
        public DataLoaderRegistry register(String key, DataLoader<?, ?> dataLoader) {
            if (used.containsKey(key)) {
                throw new IllegalStateException("DataLoader " + key + " registered again after a field used it");
            }
            return super.register(key, dataLoader);
        }

        @Override
        public DataLoaderRegistry unregister(String key) {
            used.remove(key);
            return super.unregister(key);
        }

        /** The loaders a field has looked up: the ones that may hold keys to dispatch. */
        @Override
        public List<DataLoader<?, ?>> getDataLoaders() {
            return new ArrayList<>(used.values());
        }

        /** The loader with {@link #onLookUp} before its own instrumentation, as the library's registry adds its own. */
        private <K, V> DataLoader<K, V> instrumented(DataLoader<K, V> loader) {
            DataLoaderInstrumentation added = onLookUp;
            if (added == null) {
                return loader;
            }
            DataLoaderOptions options = loader.getOptions();
            DataLoaderInstrumentation existing = options.getInstrumentation();
            DataLoaderInstrumentation chained = existing == null || existing == DataLoaderInstrumentationHelper.NOOP_INSTRUMENTATION ? added
                    : existing instanceof ChainedDataLoaderInstrumentation chain ? chain.prepend(added)
                    : new ChainedDataLoaderInstrumentation().add(added).add(existing);
            return loader.transform(builder -> builder.options(options.transform(changed -> changed.setInstrumentation(chained))));
        }
    }
}
