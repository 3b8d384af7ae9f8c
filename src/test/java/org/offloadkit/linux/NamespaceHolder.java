package org.offloadkit.linux;

import java.io.IOException;

/** A JVM that creates a namespace, prints its name and holds it until its standard input closes or it is killed. */
public final class NamespaceHolder {
    private NamespaceHolder() {}

    public static void main(String[] args) throws IOException {
        Namespace namespace = Namespace.create();
        System.out.println(namespace.name());
        System.out.flush();
        while (System.in.read() >= 0) {
            // held
        }
        namespace.close();
    }
}
