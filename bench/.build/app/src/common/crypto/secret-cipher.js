"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SecretCipher = exports.SecretDecryptionError = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const secrets_config_1 = require("../../config/secrets.config");
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const FORMAT = 'v1';
class SecretDecryptionError extends Error {
}
exports.SecretDecryptionError = SecretDecryptionError;
let SecretCipher = class SecretCipher {
    keys;
    currentKeyId;
    constructor(config) {
        this.keys = new Map(config.keys.map(({ id, key }) => [id, key]));
        this.currentKeyId = config.keys[0].id;
    }
    encrypt(plaintext) {
        const iv = (0, node_crypto_1.randomBytes)(IV_BYTES);
        const cipher = (0, node_crypto_1.createCipheriv)(ALGORITHM, this.keyOf(this.currentKeyId), iv);
        const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
        return [FORMAT, this.currentKeyId, iv, cipher.getAuthTag(), ciphertext]
            .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
            .join('.');
    }
    decrypt(sealed) {
        const [format, keyId, iv, tag, ciphertext] = sealed.split('.');
        if (format !== FORMAT || !keyId || !iv || !tag || ciphertext === undefined) {
            throw new SecretDecryptionError('Not an encrypted secret');
        }
        try {
            const decipher = (0, node_crypto_1.createDecipheriv)(ALGORITHM, this.keyOf(keyId), Buffer.from(iv, 'base64url'));
            decipher.setAuthTag(Buffer.from(tag, 'base64url'));
            return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
        }
        catch (error) {
            if (error instanceof SecretDecryptionError)
                throw error;
            throw new SecretDecryptionError('Secret could not be decrypted (wrong key or tampered value)');
        }
    }
    needsRotation(sealed) {
        return sealed.split('.')[1] !== this.currentKeyId;
    }
    keyOf(id) {
        const key = this.keys.get(id);
        if (!key)
            throw new SecretDecryptionError(`Unknown encryption key "${id}"`);
        return key;
    }
};
exports.SecretCipher = SecretCipher;
exports.SecretCipher = SecretCipher = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(secrets_config_1.secretsConfig.KEY)),
    __metadata("design:paramtypes", [void 0])
], SecretCipher);
//# sourceMappingURL=secret-cipher.js.map