package org.securebase.it;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A fixed MicroProfile Config for running one of the application's infrastructure classes in the test's own JVM
 * (outside Payara, which provides the real one): a few keys, texts and booleans only.
 */
final class TestConfig implements Config {

    private final Map<String, String> values;

    TestConfig(Map<String, String> values) {
        this.values = values;
    }

    static final class Resolver extends ConfigProviderResolver {

        private final TestConfig config;

        Resolver(Map<String, String> values) {
            this.config = new TestConfig(values);
        }

        @Override
        public Config getConfig() {
            return config;
        }

        @Override
        public Config getConfig(ClassLoader loader) {
            return config;
        }

        @Override
        public ConfigBuilder getBuilder() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerConfig(Config config, ClassLoader classLoader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void releaseConfig(Config config) {
        }
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType).orElseThrow(() -> new NoSuchElementException(propertyName));
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        String value = values.get(propertyName);
        if (value == null) {
            return Optional.empty();
        }
        if (propertyType == Boolean.class) {
            return Optional.of(propertyType.cast(Boolean.valueOf(value)));
        }
        return Optional.of(propertyType.cast(value));
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
