package org.offloadkit.conformance;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.testng.IMethodInstance;
import org.testng.IMethodInterceptor;
import org.testng.ITestContext;
import org.testng.ITestNGMethod;
import org.testng.annotations.Test;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

/**
 * One of {@code count} parallel jobs of a run, {@code --shard K/N}: the suites' test methods, sorted by class
 * and method name, dealt out in turn, so every method runs in exactly one shard and the same one every time.
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, got " + index + "/" + count);
        }
    }

    /** {@code K/N}, as the command line and CI systems write it. */
    public static Shard parse(String spec) {
        String[] parts = spec.split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N (such as 2/4), got '" + spec + "'");
    }

    /** The test methods of the suites, as {@code class#method}, that this shard runs. */
    public Set<String> select(List<XmlSuite> suites) {
        List<String> all = List.copyOf(testMethods(suites));
        return IntStream.range(0, all.size()).filter(i -> i % count == index - 1).mapToObj(all::get)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every test method the suites name, sorted. */
    static TreeSet<String> testMethods(List<XmlSuite> suites) {
        TreeSet<String> methods = new TreeSet<>();
        for (XmlSuite suite : suites) {
            for (XmlTest test : suite.getTests()) {
                for (XmlClass c : test.getXmlClasses()) {
                    for (java.lang.reflect.Method m : c.getSupportClass().getMethods()) {
                        if (m.isAnnotationPresent(Test.class)) {
                            methods.add(c.getSupportClass().getName() + "#" + m.getName());
                        }
                    }
                }
            }
        }
        return methods;
    }

    /** Keeps TestNG to the shard's methods. */
    IMethodInterceptor interceptor(List<XmlSuite> suites) {
        Set<String> selected = select(suites);
        return (List<IMethodInstance> methods, ITestContext context) -> methods.stream()
                .filter(m -> selected.contains(key(m.getMethod()))).toList();
    }

    private static String key(ITestNGMethod method) {
        return method.getRealClass().getName() + "#" + method.getMethodName();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
