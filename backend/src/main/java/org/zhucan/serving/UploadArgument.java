package org.zhucan.serving;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * uploadMealRecords' argument, read into its records by Jackson rather than by Spring for GraphQL's binder. The binder
 * looks up each object's constructor, parameter names and generic types by reflection again for every object, uncached:
 * for an upload of 1,000 records (3,000 objects) 11 % of its request thread's CPU (JFR, 2026-12-04). Jackson's readers
 * are built once per type. graphql-java has checked and coerced the argument against the schema before either runs;
 * what cannot be read still answers as the binder's failures do ({@code GraphQlErrorHandling#unbindable}: BAD_REQUEST
 * "Invalid input: cannot read input.records.0.dinerId").
 */
@Component
class UploadArgument {

    private final JsonMapper json;

    UploadArgument(JsonMapper json) {
        this.json = json;
    }

    UploadMealRecordsInput read(Map<String, Object> input) throws BindException {
        try {
            return json.convertValue(input, UploadMealRecordsInput.class);
        } catch (JacksonException unreadable) {
            MapBindingResult result = new MapBindingResult(new HashMap<>(), "input");
            result.addError(new FieldError("input", fieldOf(unreadable), "cannot read"));
            throw new BindException(result);
        }
    }

    /** The failing value's place, as the binder names it: {@code records[0].dinerId}. */
    private static String fieldOf(JacksonException unreadable) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : unreadable.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
