namespace TrustAdvisor.Browser.Tests.Infrastructure;

/// <summary>The screens the app is used on: a phone right after a meeting, a desktop for reviews.</summary>
public sealed record Device(string Name, int Width, int Height, bool IsPhone)
{
    public static readonly Device Phone = new("phone", 390, 844, IsPhone: true);
    public static readonly Device Desktop = new("desktop", 1280, 800, IsPhone: false);

    public static TheoryData<string> Both => new() { Phone.Name, Desktop.Name };

    public static Device Named(string name) => name == Phone.Name ? Phone : name == Desktop.Name ? Desktop
        : throw new ArgumentOutOfRangeException(nameof(name), name, "No such device.");

    public override string ToString() => Name;
}
