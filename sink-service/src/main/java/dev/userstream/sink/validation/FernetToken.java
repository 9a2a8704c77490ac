package dev.userstream.sink.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A well-formed Fernet token, and when the sink has keys, one that is authentic under one of them.
 * {@code null} is valid (pair with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = FernetTokenValidator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface FernetToken {

	String message() default "is not a valid Fernet token";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
