package dev.userstream.sink.validation;

import dev.userstream.model.FernetException;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link FernetToken}: the violation message carries the spec's reason, never the token.
 * Created by Spring's constraint validator factory, so the {@link TokenVerifier} is injected.
 */
class FernetTokenValidator implements ConstraintValidator<FernetToken, String> {

	private final TokenVerifier verifier;

	FernetTokenValidator(TokenVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public boolean isValid(String token, ConstraintValidatorContext context) {
		if (token == null) {
			return true;
		}
		try {
			this.verifier.verify(token);
			return true;
		}
		catch (FernetException ex) {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("is not a valid Fernet token (" + ex.reason() + ")")
				.addConstraintViolation();
			return false;
		}
	}

}
