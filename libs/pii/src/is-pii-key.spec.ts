import { isPiiKey } from './is-pii-key';
import { PiiKeyKind } from './pii-kinds';

// Spellings seen in real exports (CRMs, county assessor files, list brokers) that must be refused.
const REFUSED: readonly [string, PiiKeyKind][] = [
  ['email', 'email'],
  ['Email', 'email'],
  ['EMAIL', 'email'],
  ['e-mail', 'email'],
  ['E-Mail', 'email'],
  ['e_mail', 'email'],
  ['eMail', 'email'],
  ['EMail', 'email'],
  ['email_address', 'email'],
  ['emailAddress', 'email'],
  ['Email Address', 'email'],
  ['EMAIL_ADDR', 'email'],
  ['emails', 'email'],
  ['contact_email', 'email'],
  ['contactEmail', 'email'],
  ['owner.email', 'email'],
  ['work_email', 'email'],
  ['workemail', 'email'],
  ['personalEmail', 'email'],
  ['mail', 'email'],
  ['Mail', 'email'],
  ['mail_address', 'email'],
  ['primary_email_1', 'email'],
  ['phone', 'phone-number'],
  ['Phone', 'phone-number'],
  ['PHONE', 'phone-number'],
  ['phone_number', 'phone-number'],
  ['phoneNumber', 'phone-number'],
  ['PhoneNumber', 'phone-number'],
  ['phonenumber', 'phone-number'],
  ['Phone #', 'phone-number'],
  ['phone_no', 'phone-number'],
  ['phone1', 'phone-number'],
  ['phone2', 'phone-number'],
  ['phones', 'phone-number'],
  ['telephone', 'phone-number'],
  ['Telephone Number', 'phone-number'],
  ['tel', 'phone-number'],
  ['tel_no', 'phone-number'],
  ['telno', 'phone-number'],
  ['mobile', 'phone-number'],
  ['Mobile', 'phone-number'],
  ['mobile_number', 'phone-number'],
  ['mobileNo', 'phone-number'],
  ['owner_mobile', 'phone-number'],
  ['cell', 'phone-number'],
  ['cell_phone', 'phone-number'],
  ['cellphone', 'phone-number'],
  ['CellPhone', 'phone-number'],
  ['cell_number', 'phone-number'],
  ['fax', 'phone-number'],
  ['fax_number', 'phone-number'],
  ['home_phone', 'phone-number'],
  ['homePhone', 'phone-number'],
  ['work-phone', 'phone-number'],
  ['contact_phone', 'phone-number'],
  ['owner.phone', 'phone-number'],
  ['whatsapp', 'phone-number'],
  ['first_name', 'person-name'],
  ['firstName', 'person-name'],
  ['FirstName', 'person-name'],
  ['FIRST_NAME', 'person-name'],
  ['first-name', 'person-name'],
  ['First Name', 'person-name'],
  ['first.name', 'person-name'],
  ['firstname', 'person-name'],
  ['fname', 'person-name'],
  ['FName', 'person-name'],
  ['last_name', 'person-name'],
  ['lastName', 'person-name'],
  ['LastName', 'person-name'],
  ['lastname', 'person-name'],
  ['lname', 'person-name'],
  ['surname', 'person-name'],
  ['Surname', 'person-name'],
  ['sur_name', 'person-name'],
  ['full_name', 'person-name'],
  ['fullName', 'person-name'],
  ['fullname', 'person-name'],
  ['Full Name', 'person-name'],
  ['given_name', 'person-name'],
  ['givenName', 'person-name'],
  ['family_name', 'person-name'],
  ['familyName', 'person-name'],
  ['middle_name', 'person-name'],
  ['middleName', 'person-name'],
  ['middle_initial', 'person-name'],
  ['maiden_name', 'person-name'],
  ['nickname', 'person-name'],
  ['nick_name', 'person-name'],
  ['owner_name', 'person-name'],
  ['ownerName', 'person-name'],
  ['Owner-Name', 'person-name'],
  ['OWNER_NAME', 'person-name'],
  ['owner.name', 'person-name'],
  ['ownername', 'person-name'],
  ['OWNERNAME', 'person-name'],
  ["Owner's Name", 'person-name'],
  ['owners_name', 'person-name'],
  ['owner_full_name', 'person-name'],
  ['owner_legal_name', 'person-name'],
  ['resident_name', 'person-name'],
  ['residentName', 'person-name'],
  ['homeowner_name', 'person-name'],
  ['homeownerName', 'person-name'],
  ['contact_name', 'person-name'],
  ['contactName', 'person-name'],
  ['ContactName', 'person-name'],
  ['person_name', 'person-name'],
  ['customer_name', 'person-name'],
  ['buyer_name', 'person-name'],
  ['occupant_name', 'person-name'],
  ['name_first', 'person-name'],
  ['NameLast', 'person-name'],
  ['name_of_owner', 'person-name'],
  ['first_names', 'person-name'],
  ['forename', 'person-name'],
  ['owner', 'person-name'],
  ['Owner', 'person-name'],
  ['property_owner', 'person-name'],
  ['homeowner', 'person-name'],
  ['home_owner', 'person-name'],
  ['resident', 'person-name'],
  ['occupant', 'person-name'],
  ['landlord', 'person-name'],
  ['contact_person', 'person-name'],
  ['address', 'street-address'],
  ['Address', 'street-address'],
  ['ADDRESS', 'street-address'],
  ['address1', 'street-address'],
  ['Address1', 'street-address'],
  ['address2', 'street-address'],
  ['address_1', 'street-address'],
  ['address_line_1', 'street-address'],
  ['addressLine1', 'street-address'],
  ['AddressLine2', 'street-address'],
  ['Address Line 1', 'street-address'],
  ['addr', 'street-address'],
  ['addr1', 'street-address'],
  ['Addr_2', 'street-address'],
  ['street', 'street-address'],
  ['Street', 'street-address'],
  ['street_address', 'street-address'],
  ['streetAddress', 'street-address'],
  ['StreetAddress', 'street-address'],
  ['street_name', 'street-address'],
  ['street_number', 'street-address'],
  ['mailing_address', 'street-address'],
  ['mailingAddress', 'street-address'],
  ['mailing', 'street-address'],
  ['home_address', 'street-address'],
  ['homeAddress', 'street-address'],
  ['property_address', 'street-address'],
  ['owner_address', 'street-address'],
  ['house_number', 'street-address'],
  ['houseNumber', 'street-address'],
  ['house_no', 'street-address'],
  ['housenumber', 'street-address'],
  ['po_box', 'street-address'],
  ['P.O. Box', 'street-address'],
  ['Line 1', 'street-address'],
  ['line_2', 'street-address'],
  ['addresses', 'street-address'],
  ['apt', 'unit-number'],
  ['Apt', 'unit-number'],
  ['APT', 'unit-number'],
  ['apt_no', 'unit-number'],
  ['Apt #', 'unit-number'],
  ['aptNumber', 'unit-number'],
  ['apt_unit', 'unit-number'],
  ['apartment', 'unit-number'],
  ['apartment_number', 'unit-number'],
  ['apartmentNo', 'unit-number'],
  ['unit', 'unit-number'],
  ['Unit', 'unit-number'],
  ['unit_number', 'unit-number'],
  ['unitNumber', 'unit-number'],
  ['Unit #', 'unit-number'],
  ['unit_no', 'unit-number'],
  ['unit1', 'unit-number'],
  ['suite', 'unit-number'],
  ['suite_number', 'unit-number'],
  ['Suite No', 'unit-number'],
  ['ssn', 'ssn'],
  ['SSN', 'ssn'],
  ['ssn_last4', 'ssn'],
  ['SSNNumber', 'ssn'],
  ['social_security', 'ssn'],
  ['social_security_number', 'ssn'],
  ['SocialSecurityNumber', 'ssn'],
  ['socialsecuritynumber', 'ssn'],
  ['Social Security #', 'ssn'],
  ['ss_number', 'ssn'],
  ['dob', 'date-of-birth'],
  ['DOB', 'date-of-birth'],
  ['d.o.b.', 'date-of-birth'],
  ['date_of_birth', 'date-of-birth'],
  ['dateOfBirth', 'date-of-birth'],
  ['DateOfBirth', 'date-of-birth'],
  ['dateofbirth', 'date-of-birth'],
  ['Date of Birth', 'date-of-birth'],
  ['birth_date', 'date-of-birth'],
  ['birthDate', 'date-of-birth'],
  ['birthdate', 'date-of-birth'],
  ['birthday', 'date-of-birth'],
  ['Birthday', 'date-of-birth'],
  ['birth_year', 'date-of-birth'],
  ['owner_dob', 'date-of-birth'],
  ['twitter', 'social-handle'],
  ['Twitter', 'social-handle'],
  ['twitter_handle', 'social-handle'],
  ['twitterHandle', 'social-handle'],
  ['instagram', 'social-handle'],
  ['instagram_handle', 'social-handle'],
  ['InstagramUsername', 'social-handle'],
  ['facebook', 'social-handle'],
  ['facebook_url', 'social-handle'],
  ['facebookProfile', 'social-handle'],
  ['linkedin', 'social-handle'],
  ['LinkedIn', 'social-handle'],
  ['linkedin_url', 'social-handle'],
  ['LinkedInProfile', 'social-handle'],
  ['tiktok', 'social-handle'],
  ['TikTok', 'social-handle'],
  ['tik_tok_handle', 'social-handle'],
  ['snapchat', 'social-handle'],
  ['owner_instagram', 'social-handle'],
  ['social_handle', 'social-handle'],
  ['socialHandle', 'social-handle'],
  ['social_media_handle', 'social-handle'],
  ['handle', 'social-handle'],
  ['username', 'social-handle'],
  ['userName', 'social-handle'],
  ['UserName', 'social-handle'],
  ['user_name', 'social-handle'],
  ['User Name', 'social-handle'],
  ['screen_name', 'social-handle'],
  ['screenName', 'social-handle'],
  ['screenname', 'social-handle'],
  ['drivers_license', 'drivers-licence'],
  ['driversLicense', 'drivers-licence'],
  ["Driver's License", 'drivers-licence'],
  ["Driver's Licence Number", 'drivers-licence'],
  ['driver_license_number', 'drivers-licence'],
  ['driverLicenseNo', 'drivers-licence'],
  ['driverslicense', 'drivers-licence'],
  ['driving_licence', 'drivers-licence'],
  ['dl_number', 'drivers-licence'],
  ['passport', 'passport'],
  ['Passport', 'passport'],
  ['passport_number', 'passport'],
  ['passportNo', 'passport'],
  ['PASSPORT_NO', 'passport'],
];

// Every column and field of the product's schemas: these must be accepted.
const PROPERTY_CSV = [
  'zip_code',
  'property_type',
  'ownership_type',
  'lot_size_sqft',
  'year_built',
  'estimated_income_band',
  'block_group',
  'lat',
  'lon',
];
const EVENTS_CSV = [
  'event_name',
  'start_date',
  'end_date',
  'zip_code',
  'category',
  'estimated_attendance',
  'source_url',
];
const CHANNELS_CSV = [
  'channel_type',
  'name',
  'city',
  'state',
  'zip_code',
  'estimated_reach',
  'website',
  'source_url',
  'notes',
];
const API_AND_DB_FIELDS = (
  'id client_id geography_id zip_codes signal_type source_type metric value margin_of_error moe vintage period ' +
  'metadata dataset status error_message records_upserted rows_processed created_at updated_at started_at ' +
  'finished_at role is_active file_ref filename size_bytes payload score components why category file_name ' +
  'content_type title description estimated_reach median_year_built owner_occupied renter_occupied ' +
  'units_in_structure households population format'
).split(' ');
// Organisation names, aggregate geography and other fields of the contract that scanners commonly misflag.
const ALSO_ACCEPTED = (
  'hoa_name org_name organization_name channel_name school_name business_name company_name venue_name ' +
  'po_name display_name zip zcta county units_1_detached units unit_type unit_price occupied_units ' +
  'housing_units owners residents homeowners is_homeowner direct_mail mail_drop_date mobile_home ' +
  'mobile_app_installs facebook_ads_reach intel access_token token_type expires_in user password ' +
  'hashed_password last_success_at last_run_status is_stale ingestion_run_id top_zips buyer_profile ' +
  'recommended_channels timing_window zip_type zip_join_type NAME B01003_001E B25003_002M X-Client-Id ' +
  'latitude longitude web_address constructor toString'
).split(' ');

describe('isPiiKey', () => {
  it('has a refusal table of at least 120 distinct spellings', () => {
    expect(new Set(REFUSED.map(([key]) => key)).size).toBe(REFUSED.length);
    expect(REFUSED.length).toBeGreaterThanOrEqual(120);
  });

  it.each(REFUSED)('refuses %j as %s', (key, kind) => {
    expect(isPiiKey(key)?.kind).toBe(kind);
  });

  describe.each([
    ['property CSV', PROPERTY_CSV],
    ['events CSV', EVENTS_CSV],
    ['channels CSV', CHANNELS_CSV],
    ['API and DB fields', API_AND_DB_FIELDS],
    ['organisation names and aggregates', ALSO_ACCEPTED],
  ])('accepts every column of the %s', (_schema, columns) => {
    it.each(columns)('%j', (column) => {
      expect(isPiiKey(column)).toBeNull();
    });
  });

  it('tells ownership and occupancy from an owner: only a head-noun owner is a person', () => {
    expect(isPiiKey('ownership_type')).toBeNull();
    expect(isPiiKey('owner_occupied')).toBeNull();
    expect(isPiiKey('owner_id')).toBeNull();
    expect(isPiiKey('owner')?.kind).toBe('person-name');
    expect(isPiiKey('business_owner')?.kind).toBe('person-name');
    expect(isPiiKey('owner_name')?.kind).toBe('person-name');
  });

  it('tells a dwelling unit from housing-unit counts: singular unit is PII, plural units is a count', () => {
    expect(isPiiKey('unit')?.kind).toBe('unit-number');
    expect(isPiiKey('unit_number')?.kind).toBe('unit-number');
    expect(isPiiKey('apt')?.kind).toBe('unit-number');
    expect(isPiiKey('units_in_structure')).toBeNull();
    expect(isPiiKey('units_1_detached')).toBeNull();
    expect(isPiiKey('units_number')).toBeNull();
  });

  it('names the kind of the first matching rule: an email address is an email, not a street address', () => {
    expect(isPiiKey('email_address')?.kind).toBe('email');
    expect(isPiiKey('owner_phone')?.kind).toBe('phone-number');
  });

  it('reports the vocabulary term and the normalised tokens', () => {
    expect(isPiiKey('OWNER_FIRST_NAMES')).toEqual({
      kind: 'person-name',
      term: 'first name',
      tokens: ['owner', 'first', 'name'],
    });
  });

  it('ignores a trailing number but not a leading or inner one', () => {
    expect(isPiiKey('phone_2')?.kind).toBe('phone-number');
    expect(isPiiKey('unit_3')?.kind).toBe('unit-number');
    expect(isPiiKey('units_1_detached')).toBeNull();
  });

  it('accepts empty and punctuation-only keys', () => {
    expect(isPiiKey('')).toBeNull();
    expect(isPiiKey('__')).toBeNull();
    expect(isPiiKey('123')).toBeNull();
  });
});
