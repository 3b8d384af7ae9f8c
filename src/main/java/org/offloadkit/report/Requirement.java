package org.offloadkit.report;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.qameta.allure.LabelAnnotation;

/**
 * The spec requirement a conformance test judges, such as {@code CSUM-TX-01}. It becomes the Allure story
 * label and the key of summary.json.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@LabelAnnotation(name = "story")
public @interface Requirement {
    /** The requirement ID of the spec. */
    String value();

    /** What the requirement says, in a line. */
    String title();
}
