namespace Paperclip.Grains;

/// <summary>A record that belongs to one company. A record may only point at records of its own company.</summary>
public interface ICompanyOwned
{
    Guid CompanyId { get; }
}
