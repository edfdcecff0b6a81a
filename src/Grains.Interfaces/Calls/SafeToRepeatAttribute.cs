namespace Paperclip.Grains;

/// <summary>
/// Marks a grain method whose repetition changes nothing a caller can see (a read, a lease renewal,
/// a number handed out that nobody used): a call lost together with its silo may be sent again
/// (<see cref="RetryUndeliveredCalls"/>). A method without it is never repeated after a silo loss,
/// because that silo may have run it before it went.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SafeToRepeatAttribute : Attribute;
