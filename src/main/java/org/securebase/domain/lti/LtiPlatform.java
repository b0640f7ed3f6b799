package org.securebase.domain.lti;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.securebase.domain.school.School;

/** A school's learning platform (Moodle, Canvas, …) registered to launch our modules over LTI 1.3. */
@Entity
@Table(name = "lti_platform")
public class LtiPlatform {

    @Id
    @SequenceGenerator(name = "lti_platform_seq", sequenceName = "lti_platform_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lti_platform_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private School school;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 500)
    private String issuer;

    @Column(name = "client_id", nullable = false, length = 500)
    private String clientId;

    /** Deployment ids, one per line. */
    @Column(name = "deployment_ids", nullable = false, length = 2000)
    private String deploymentIds;

    @Column(name = "auth_url", nullable = false, length = 1000)
    private String authUrl;

    @Column(name = "token_url", nullable = false, length = 1000)
    private String tokenUrl;

    @Column(name = "jwks_url", nullable = false, length = 1000)
    private String jwksUrl;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LtiPlatform() {
    }

    public LtiPlatform(School school, String name, String issuer, String clientId, List<String> deploymentIds,
            String authUrl, String tokenUrl, String jwksUrl, Instant now) {
        this.school = school;
        this.name = name;
        this.issuer = issuer;
        this.clientId = clientId;
        this.deploymentIds = String.join("\n", deploymentIds);
        this.authUrl = authUrl;
        this.tokenUrl = tokenUrl;
        this.jwksUrl = jwksUrl;
        this.createdAt = now;
    }

    public List<String> deploymentIds() {
        return Arrays.stream(deploymentIds.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Long getId() {
        return id;
    }

    public School getSchool() {
        return school;
    }

    public String getName() {
        return name;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public String getDeploymentIds() {
        return deploymentIds;
    }

    public String getAuthUrl() {
        return authUrl;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public String getJwksUrl() {
        return jwksUrl;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof LtiPlatform other && id != null && id.equals(other.getId()));
    }

    @Override
    public int hashCode() {
        return LtiPlatform.class.hashCode();
    }
}
