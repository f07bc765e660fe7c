export { deliveryPolicy } from './policy.ts';
export { SIGNATURE_HEADER, signatureHeader, verifySignature } from './signature.ts';
