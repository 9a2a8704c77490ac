package dev.userstream.sink.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An ISO-8601 UTC instant such as randomuser's {@code 1952-10-10T07:36:45.668Z}. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = IsoInstant.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoInstant {

	String message() default "is not a date-time like 1952-10-10T07:36:45.668Z";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Validates {@link IsoInstant}. */
	class Validator implements ConstraintValidator<IsoInstant, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			try {
				Instant.parse(value);
				return true;
			}
			catch (DateTimeParseException ex) {
				return false;
			}
		}

	}

}
