using TrustAdvisor.Domain.Pulses;

namespace TrustAdvisor.Domain.Tests.Pulses;

public class PulseTokenTests
{
    [Fact]
    public void A_token_reads_back_as_itself_and_matches_its_hash()
    {
        var id = Guid.CreateVersion7();
        var token = PulseToken.New(id);

        var read = PulseToken.Parse(token.ToString());

        read.ShouldNotBeNull();
        read.PulseId.ShouldBe(id);
        read.Matches(token.Hash).ShouldBeTrue();
        token.Hash.Length.ShouldBe(32);
    }

    [Fact]
    public void Two_tokens_for_one_pulse_differ()
    {
        var id = Guid.CreateVersion7();

        PulseToken.New(id).ToString().ShouldNotBe(PulseToken.New(id).ToString());
        PulseToken.New(id).Matches(PulseToken.New(id).Hash).ShouldBeFalse();
    }

    [Fact]
    public void A_changed_secret_does_not_match()
    {
        var token = PulseToken.New(Guid.CreateVersion7());
        var text = token.ToString();
        var tampered = text[..^3] + (text[^3] == 'A' ? 'B' : 'A') + text[^2..];

        PulseToken.Parse(tampered)!.Matches(token.Hash).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA.short")]
    [InlineData("<script>.x")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Anything_else_is_not_a_token(string? text) => PulseToken.Parse(text).ShouldBeNull();
}
