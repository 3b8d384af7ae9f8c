package org.offloadkit.linux;

import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

/** One kernel link for all the tests of a class, opened where the harness can run and closed after. */
abstract class OnKernelLink {
    protected KernelLink link;

    @BeforeClass
    public void openLink() {
        SkipWithoutRoot.check();
        link = KernelLink.open();
    }

    @AfterClass(alwaysRun = true)
    public void closeLink() {
        if (link != null) {
            link.close();
        }
    }
}
