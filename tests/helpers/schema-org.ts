/**
 * schema.org terms, copied by hand from https://schema.org (types and the properties of
 * Thing, CreativeWork, Event, Person, Organization and MediaObject that a briefing could
 * use), so a test can tell a real term from a made-up one without the network. Add a term
 * here only after finding it on schema.org.
 */
export const SCHEMA_ORG_TYPES = new Set([
  'Thing', 'CreativeWork', 'Report', 'Article', 'DigitalDocument', 'MediaObject', 'Event', 'EducationEvent', 'SocialEvent',
  'Person', 'Organization', 'GovernmentOrganization', 'NGO', 'Place', 'Country', 'WebPage', 'WebSite', 'DataDownload', 'Dataset',
  'DefinedTerm', 'PropertyValue', 'EventScheduled', 'OfflineEventAttendanceMode',
]);

export const SCHEMA_ORG_PROPERTIES = new Set([
  // Thing
  'name', 'description', 'url', 'identifier', 'sameAs', 'alternateName', 'image', 'subjectOf', 'disambiguatingDescription', 'mainEntityOfPage',
  // CreativeWork
  'about', 'author', 'contributor', 'creator', 'dateCreated', 'dateModified', 'datePublished', 'encoding', 'encodingFormat', 'headline', 'inLanguage',
  'keywords', 'publisher', 'mentions', 'abstract', 'isPartOf', 'hasPart', 'license', 'text', 'sourceOrganization', 'reportNumber', 'associatedMedia',
  // MediaObject
  'contentUrl', 'contentSize', 'uploadDate', 'embedUrl',
  // Event
  'startDate', 'endDate', 'organizer', 'performer', 'attendee', 'location', 'eventStatus', 'eventAttendanceMode', 'funder', 'sponsor', 'superEvent', 'subEvent', 'recordedIn', 'workFeatured',
  // Person and Organization
  'jobTitle', 'affiliation', 'worksFor', 'memberOf', 'honorificPrefix', 'honorificSuffix', 'givenName', 'familyName', 'member', 'legalName',
]);
