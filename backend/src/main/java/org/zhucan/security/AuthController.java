package org.zhucan.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code login} and {@code me}. */
@Controller
class AuthController {

    private final AuthService authService;
    private final ViewerConverter viewerConverter;

    AuthController(AuthService authService, ViewerConverter viewerConverter) {
        this.authService = authService;
        this.viewerConverter = viewerConverter;
    }

    @MutationMapping
    LoginResult login(@Argument @Valid LoginInput input,
                      @ContextValue(name = ClientAddresses.CONTEXT_KEY, required = false) String clientAddress) {
        return authService.login(input.username(), input.password(), clientAddress == null ? ClientAddresses.UNKNOWN : clientAddress);
    }

    @QueryMapping
    ViewerConverter.Viewer me() {
        return viewerConverter.toViewer(CurrentUser.get());
    }

    record LoginInput(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
    }
}
