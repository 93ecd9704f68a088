package org.zhucan.common.sql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A mapper method whose statement the database parses once per connection, not on every call: prepared on the server
 * the first time a connection runs it and kept there (Connector/J's cache of server statements), then executed with
 * its values alone ({@link ServerPreparedStatements}). For the few long statements of constant text run on every meal
 * at the counter: MariaDB spent about half of the diner's facts read parsing its 1.5 KB of text. Everything else is
 * sent as text, as before: a statement whose text changes with its values (a {@code <foreach>}) would fill the cache,
 * and one run rarely pays a prepare round trip for nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ServerPrepared {
}
