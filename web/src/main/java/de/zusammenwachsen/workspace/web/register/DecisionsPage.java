package de.zusammenwachsen.workspace.web.register;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.meeting.boundary.DecisionRegister;
import de.zusammenwachsen.workspace.meeting.boundary.RegisterView;
import de.zusammenwachsen.workspace.meeting.entity.Outcome;
import de.zusammenwachsen.workspace.network.boundary.Network;
import de.zusammenwachsen.workspace.web.shell.Paging;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The decisions register page (Beschlussregister), for guests too. Its filters are plain GET parameters, so every
 * filtered view is a link to share with a funder; a filter value that does not convert (a hand-edited date) is
 * reported next to its field and left out, and the page still shows the register.
 */
@Named
@RequestScoped
public class DecisionsPage {

    private static final Logger LOG = Logger.getLogger(DecisionsPage.class.getName());

    @Inject
    DecisionRegister register;

    @Inject
    Network network;

    private String field;
    private String group;
    private String region;
    private String from;
    private String to;
    private String outcome;
    private String q;
    private Integer page;
    private Long decision;
    private boolean fromInvalid;
    private boolean toInvalid;
    private boolean textTooLong;

    private RegisterView.Register result;
    private List<RegisterView.GroupChoice> groups;

    @PostConstruct
    void identify() {
        field = Requests.param("field");
        group = Requests.param("group");
        region = Requests.param("region");
        from = Requests.param("from");
        to = Requests.param("to");
        outcome = Requests.param("outcome");
        q = Requests.param("q");
        page = Requests.intParam("page");
        Integer one = Requests.intParam("decision");
        decision = one == null ? null : one.longValue();
    }

    public RegisterView.Register getResult() {
        if (result == null) {
            LocalDate start = date(from);
            fromInvalid = from != null && start == null;
            LocalDate end = date(to);
            toInvalid = to != null && end == null;
            String text = q;
            textTooLong = text != null && text.length() > 200;
            if (textTooLong) {
                text = null;
            }
            RegisterView.Filter filter = new RegisterView.Filter(field, group, region, start, end, outcomeOf(outcome),
                    text, decision);
            try {
                result = register.page(filter, Paging.first(page, Paging.SIZE), Paging.SIZE, locale());
            } catch (DomainException e) {
                LOG.log(Level.FINE, "register filter refused, showing it unfiltered", e);
                result = register.page(RegisterView.Filter.NONE, 0, Paging.SIZE, locale());
            }
        }
        return result;
    }

    /** The page's decision cards ({@link RegisterMarkup}). */
    public String getCards() {
        return RegisterMarkup.cards(getResult().decisions().items(), locale(),
                FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath());
    }

    public String getFieldOptions() {
        String language = locale().getLanguage();
        return RegisterMarkup.options(getActionFields(), Network.ActionFieldInfo::slug, f -> f.nameIn(language), field);
    }

    public String getGroupOptions() {
        return RegisterMarkup.options(getGroups(), RegisterView.GroupChoice::slug, RegisterView.GroupChoice::name, group);
    }

    public String getRegionOptions() {
        return RegisterMarkup.options(getRegions(), Network.RegionInfo::slug, Network.RegionInfo::name, region);
    }

    public String getOutcomeOptions() {
        Locale locale = locale();
        return RegisterMarkup.options(List.of(getOutcomes()), Outcome::name,
                o -> Texts.get(locale, "decisions.outcome." + o.name()), getOutcome());
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public Paging getPaging() {
        return Paging.of(getResult().decisions());
    }

    public List<RegisterView.GroupChoice> getGroups() {
        if (groups == null) {
            groups = register.groups();
        }
        return groups;
    }

    public List<Network.ActionFieldInfo> getActionFields() {
        return network.actionFields();
    }

    public List<Network.RegionInfo> getRegions() {
        return network.regions();
    }

    public Outcome[] getOutcomes() {
        return Outcome.values();
    }

    public boolean isFiltered() {
        return field != null || group != null || region != null || from != null || to != null || outcome != null
                || q != null || decision != null;
    }

    /** The feed with the page's filters, so that a filtered register can be subscribed to as it is. */
    public String getFeedLink() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/decisions/feed"
                + query(false);
    }

    /** The same filters for the JSON API, for whoever wants the figures in a spreadsheet. */
    public String getApiLink() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/decisions"
                + query(false);
    }

    private String query(boolean withPage) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("field", field);
        params.put("group", group);
        params.put("region", region);
        params.put("from", fromInvalid ? null : from);
        params.put("to", toInvalid ? null : to);
        params.put("outcome", outcomeOf(outcome) == null ? null : outcome);
        params.put("q", textTooLong ? null : q);
        if (withPage && page != null) {
            params.put("page", String.valueOf(page));
        }
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                query.append(query.isEmpty() ? '?' : '&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    public boolean isFromInvalid() {
        getResult();
        return fromInvalid;
    }

    public boolean isToInvalid() {
        getResult();
        return toInvalid;
    }

    public boolean isTextTooLong() {
        getResult();
        return textTooLong;
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Outcome outcomeOf(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Outcome.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getField() {
        return field;
    }

    public String getGroup() {
        return group;
    }

    public String getRegion() {
        return region;
    }

    public String getFrom() {
        return fromInvalid ? null : from;
    }

    public String getTo() {
        return toInvalid ? null : to;
    }

    public String getQ() {
        return q;
    }

    public Long getDecision() {
        return decision;
    }

    public Integer getPage() {
        return page;
    }

    // View parameters only carry the filters into the pager's links; the values were read in identify().

    public void setField(String value) {
        // read in identify()
    }

    public void setGroup(String value) {
        // read in identify()
    }

    public void setRegion(String value) {
        // read in identify()
    }

    public void setFrom(String value) {
        // read in identify()
    }

    public void setTo(String value) {
        // read in identify()
    }

    public void setQ(String value) {
        // read in identify()
    }

    public String getOutcome() {
        return outcomeOf(outcome) == null ? null : outcomeOf(outcome).name();
    }

    public void setOutcome(String value) {
        // read in identify()
    }

    public void setDecision(Long value) {
        // read in identify()
    }

    public void setPage(Integer value) {
        // read in identify()
    }
}
