using TrustAdvisor.Domain.Pulses;

namespace TrustAdvisor.Domain.Tests.Pulses;

public class PulseTests
{
    private static readonly DateTime AskedAt = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Pulse NewPulse(out PulseToken token)
    {
        var id = Guid.CreateVersion7();
        token = PulseToken.New(id);
        return Pulse.Ask(id, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), " Jane Doe ", token, AskedAt, 21);
    }

    [Fact]
    public void A_new_pulse_is_open_until_it_expires()
    {
        var pulse = NewPulse(out _);

        pulse.ContactName.ShouldBe("Jane Doe");
        pulse.IsOpenAt(AskedAt.AddDays(21).AddSeconds(-1)).ShouldBeTrue();
        pulse.IsOpenAt(AskedAt.AddDays(21)).ShouldBeFalse();
    }

    [Fact]
    public void Answering_stores_the_clients_T_and_closes_the_pulse()
    {
        var pulse = NewPulse(out _);
        var version = pulse.Version;

        pulse.Answer(Guid.NewGuid(), new ClientAnswers(6, 5, 7, 7), "  Good to be asked.  ", AskedAt.AddDays(2));

        pulse.Status.ShouldBe(PulseStatus.Answered);
        pulse.Factors.ShouldBe(new Domain.Trust.TrustFactors(6, 5, 7, 4));
        pulse.InterestsFirst.ShouldBe(7);
        pulse.Trust.ShouldBe(4.5);
        pulse.Comment.ShouldBe("Good to be asked.");
        pulse.AnsweredOn.ShouldBe(new DateOnly(2026, 11, 3));
        pulse.Version.ShouldNotBe(version);
    }

    [Fact]
    public void A_pulse_is_answered_once()
    {
        var pulse = NewPulse(out _);
        pulse.Answer(Guid.NewGuid(), new ClientAnswers(6, 5, 7, 7), null, AskedAt.AddDays(2));

        Should.Throw<InvalidOperationException>(() => pulse.Answer(Guid.NewGuid(), new ClientAnswers(1, 1, 1, 1), null, AskedAt.AddDays(3)));
        pulse.Credibility.ShouldBe(6);
    }

    [Fact]
    public void An_expired_withdrawn_or_replaced_pulse_cannot_be_answered()
    {
        var expired = NewPulse(out _);
        Should.Throw<InvalidOperationException>(() => expired.Answer(Guid.NewGuid(), new ClientAnswers(5, 5, 5, 5), null, AskedAt.AddDays(22)));

        var withdrawn = NewPulse(out _);
        withdrawn.Withdraw(AskedAt.AddHours(1));
        withdrawn.Status.ShouldBe(PulseStatus.Withdrawn);
        Should.Throw<InvalidOperationException>(() => withdrawn.Answer(Guid.NewGuid(), new ClientAnswers(5, 5, 5, 5), null, AskedAt.AddDays(1)));

        var replaced = NewPulse(out _);
        replaced.Replace(AskedAt.AddHours(1));
        replaced.Status.ShouldBe(PulseStatus.Replaced);
        replaced.IsOpenAt(AskedAt.AddHours(2)).ShouldBeFalse();
    }

    [Fact]
    public void Withdrawing_an_answered_pulse_keeps_the_answer()
    {
        var pulse = NewPulse(out _);
        pulse.Answer(Guid.NewGuid(), new ClientAnswers(6, 5, 7, 7), null, AskedAt.AddDays(2));

        pulse.Withdraw(AskedAt.AddDays(3));
        pulse.Replace(AskedAt.AddDays(3));

        pulse.Status.ShouldBe(PulseStatus.Answered);
    }

    [Fact]
    public void A_comment_over_the_limit_is_refused()
    {
        var pulse = NewPulse(out _);

        Should.Throw<ArgumentException>(() =>
            pulse.Answer(Guid.NewGuid(), new ClientAnswers(5, 5, 5, 5), new string('x', Pulse.CommentMaxLength + 1), AskedAt.AddDays(1)));
        pulse.Status.ShouldBe(PulseStatus.Open);
    }

    [Fact]
    public void A_pulse_is_asked_with_its_own_token()
    {
        Should.Throw<ArgumentException>(() =>
            Pulse.Ask(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Jane", PulseToken.New(Guid.NewGuid()), AskedAt, 21));
    }

    [Fact]
    public void The_comment_is_for_the_advisor_asked_about_and_the_teams_manager()
    {
        var advisor = Guid.NewGuid();

        Pulse.CanReadComment(advisor, advisor, viewerManagesTheTeam: false).ShouldBeTrue();
        Pulse.CanReadComment(advisor, Guid.NewGuid(), viewerManagesTheTeam: true).ShouldBeTrue();
        Pulse.CanReadComment(advisor, Guid.NewGuid(), viewerManagesTheTeam: false).ShouldBeFalse();
        Pulse.CanReadComment(advisor, null, viewerManagesTheTeam: false).ShouldBeFalse();
    }
}
