package org.offloadkit.dut;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds adapters by name: providers on the class path first, then a class name. */
public final class DutRegistry {
    private final ClassLoader loader;

    public DutRegistry(ClassLoader loader) {
        this.loader = loader;
    }

    public static DutRegistry ofKitClassPath() {
        return new DutRegistry(DutRegistry.class.getClassLoader());
    }

    /** Every provider on the class path, by name. */
    public List<DutProvider> providers() {
        List<DutProvider> found = new ArrayList<>();
        try {
            ServiceLoader.load(DutProvider.class, loader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new UnknownDutException("a DutProvider on the class path could not be loaded: " + e.getMessage());
        }
        found.sort(Comparator.comparing(DutProvider::name));
        return found;
    }

    /**
     * The adapter {@code spec} names: {@code NAME[:OPTIONS]} of a provider, or the class name of a
     * {@link DutProvider} or of a {@link DeviceUnderTest} with a public no-argument constructor.
     */
    public ResolvedDut resolve(String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String options = colon < 0 ? "" : spec.substring(colon + 1);
        Optional<DutProvider> provider = providers().stream().filter(p -> p.name().equals(name)).findFirst();
        if (provider.isPresent()) {
            return new ResolvedDut(spec, provider.get(), options);
        }
        return new ResolvedDut(spec, byClassName(name), options);
    }

    private DutProvider byClassName(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            List<String> names = providers().stream().map(DutProvider::name).toList();
            throw new UnknownDutException("no adapter named '" + className + "': not a provider " + names
                    + " and no such class on the class path");
        }
        Object instance = instantiate(type);
        if (instance instanceof DutProvider provider) {
            return provider;
        }
        if (instance instanceof DeviceUnderTest) {
            return new ClassProvider(type);
        }
        throw new UnknownDutException(className + " is neither a DutProvider nor a DeviceUnderTest");
    }

    private static Object instantiate(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new UnknownDutException(type.getName() + " has no public no-argument constructor");
        } catch (InstantiationException | IllegalAccessException e) {
            throw new UnknownDutException(type.getName() + " cannot be created: " + e);
        } catch (InvocationTargetException e) {
            throw new UnknownDutException(type.getName() + " threw while being created: " + e.getCause());
        }
    }

    /** An adapter class named directly: a provider that makes instances of it. */
    private record ClassProvider(Class<?> type) implements DutProvider {
        @Override
        public String name() {
            return type.getName();
        }

        @Override
        public String description() {
            return "adapter class " + type.getName();
        }

        @Override
        public DeviceUnderTest create(String options) {
            return (DeviceUnderTest) instantiate(type);
        }
    }

    /** A name resolved to its provider, ready to make the adapter. */
    public record ResolvedDut(String spec, DutProvider provider, String options) {
        public DeviceUnderTest create() {
            return provider.create(options);
        }

        /** The adapter, for a run that waits {@code timeout} for any one answer. */
        public DeviceUnderTest create(Duration timeout) {
            return provider.create(options, timeout);
        }
    }
}
