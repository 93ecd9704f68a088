package org.zhucan.common.sql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Record components read by name in the mappers' dynamic SQL ({@code <if test="scope.operatorId != null">}) through
 * an accessor found once per record class. MyBatis's OGNL looks for a JavaBean getter first; a record has none, so it
 * fell back to copying and scanning every public method of the class by name, ignoring case, on every read (about
 * 1 % of a counter's logMeal on the request thread, profile of 2026-12-04). Anything that is not a component (a
 * bean property such as {@code empty}, a map key) goes the usual way.
 */
@Configuration(proxyBeanMethods = false)
public class RecordComponentsInOgnl {

    /** Registered as MyBatis's configuration is built, before any statement runs, for java.lang.Record, which OGNL looks up for every record class. */
    @Bean
    ConfigurationCustomizer recordComponentAccessor() {
        return configuration -> register();
    }

    /** Idempotent: OGNL keeps one accessor per class for the whole JVM. */
    static void register() {
        OgnlRuntime.setPropertyAccessor(Record.class, new Accessor());
    }

    static final class Accessor extends ObjectPropertyAccessor {

        private static final ClassValue<Map<String, Method>> COMPONENTS = new ClassValue<>() {
            @Override
            protected Map<String, Method> computeValue(Class<?> type) {
                Map<String, Method> accessors = new HashMap<>();
                // registered for java.lang.Record: every type asked for here is a record
                for (RecordComponent component : type.getRecordComponents()) {
                    Method accessor = component.getAccessor();
                    // records nested in package-private mappers are read as MyBatis's OGNL member access reads them; a
                    // component that cannot be opened is left to the usual way
                    if (accessor.trySetAccessible()) {
                        accessors.put(component.getName(), accessor);
                    }
                }
                return Map.copyOf(accessors);
            }
        };

        @Override
        public Object getProperty(OgnlContext context, Object target, Object name) throws OgnlException {
            Method accessor = name instanceof String component ? COMPONENTS.get(target.getClass()).get(component) : null;
            if (accessor == null) {
                return super.getProperty(context, target, name);
            }
            try {
                return accessor.invoke(target);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new OgnlException("cannot read " + target.getClass().getName() + "." + name, e);
            }
        }
    }
}
