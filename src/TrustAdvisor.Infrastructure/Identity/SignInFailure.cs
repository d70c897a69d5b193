namespace TrustAdvisor.Infrastructure.Identity;

/// <summary>
/// One failed password check: for which account (a hash of what was typed, so an unknown address is counted the same
/// way as a real one and never stored as typed) and from which address. Kept an hour (docs/decisions/0016).
/// </summary>
public sealed class SignInFailure
{
    public const int AccountKeyLength = 64;
    public const int AddressMaxLength = 64;

    public Guid Id { get; init; }
    public string AccountKey { get; init; } = "";
    public string Address { get; init; } = "";
    public DateTime At { get; init; }
}
