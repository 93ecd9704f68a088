package org.zhucan.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code login} and {@code me}. */
@Controller
class AuthController {

    private final AuthService authService;

    AuthController(AuthService authService) {
        this.authService = authService;
    }

    @MutationMapping
    LoginResult login(@Argument @Valid LoginInput input) {
        return authService.login(input.username(), input.password());
    }

    @QueryMapping
    Viewer me() {
        CurrentUser user = CurrentUser.get();
        return new Viewer(user.username(), user.roles().stream().sorted().toList(), user.displayName(),
                user.operatorId(), user.regionId(), user.dinerIds());
    }

    record LoginInput(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
    }

    record Viewer(String username, java.util.List<Role> roles, String displayName, Long operatorId, Long regionId,
                  java.util.List<Long> dinerIds) {
    }
}
