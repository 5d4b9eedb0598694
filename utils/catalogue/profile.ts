// The profile's shape is declared with the other stored values (utils/data/profile.ts); the catalogue
// code and the pages import it from here.
export { CourseSchema, PlatformSchema, ProfileSchema, type Course, type Platform, type Profile } from '@/utils/data/profile';
