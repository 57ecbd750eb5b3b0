using Sprig;

namespace Quickstart;

/// <summary>Cullinan's classic pair, part two: [InjectByName] infers "EmailService" from the member name.</summary>
[Service]
public class UserService
{
    [InjectByName]
    private EmailService EmailService { get; set; } = null!;

    public string Register(string email)
    {
        EmailService.Send(email, "Welcome to Sprig");
        return email;
    }

    [PostConstruct]
    private void Ready() => Console.WriteLine("UserService is ready: EmailService was injected before this ran.");
}
